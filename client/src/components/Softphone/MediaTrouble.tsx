import type { SoftphoneStore } from '../../state/softphone.js';

/**
 * Says plainly that the call's audio cannot connect, and what to try: the page works (it
 * talks to the server over HTTP), the audio path does not (WebRTC, over UDP or TCP ports of
 * its own). The caller waits meanwhile; a call whose audio never connects is not scored.
 */
export function MediaTrouble({ phone }: { phone: SoftphoneStore }) {
  const trouble = phone.mediaTrouble.value;
  if (trouble === 'none') return null;
  return (
    <div class="media-trouble" role="alert" data-testid="media-trouble" data-state={trouble}>
      <h3>{trouble === 'failed' ? 'This call had no audio' : 'No audio: your browser cannot connect to the call'}</h3>
      <p>
        {trouble === 'failed'
          ? 'The audio between your browser and ringdown never connected, so the call ended. It counts as a technical failure: it is not scored and stays out of your history.'
          : 'The page reaches ringdown, but the audio does not. The caller is waiting for you; if the audio does not connect soon, the call ends as a technical failure (not scored).'}
      </p>
      <p>What to try:</p>
      <ul>
        <li>Reload the page, then take a new call.</li>
        <li>Use a current Chrome, Edge or Firefox.</li>
        <li>Turn off a VPN or proxy for this site; the audio needs the server's media ports (UDP or TCP 40000-40999 by default) to be reachable.</li>
        <li>If ringdown runs on another computer, open its https address rather than localhost, and ask whoever runs it to check RTC_ANNOUNCED_IP.</li>
      </ul>
    </div>
  );
}
