import { useEffect, useRef, useState } from 'preact/hooks';
import { AGENCY_LABEL } from '../../words.js';
import type { Agency } from '../../protocol.js';
import type { TransferMode } from '../../state/softphone.js';

const AGENCIES = Object.keys(AGENCY_LABEL) as Agency[];

/**
 * Choose the receiving agency and how to hand the caller over. Warm (the default, as NENA
 * recommends) keeps the trainee on the line to brief the agency; cold drops them at once.
 */
export function TransferDialog({ open, busy, onConfirm, onClose }: { open: boolean; busy: boolean; onConfirm: (agency: Agency, mode: TransferMode) => void; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [agency, setAgency] = useState<Agency | ''>('');
  const [mode, setMode] = useState<TransferMode>('warm');

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setAgency('');
      setMode('warm');
      dialog.showModal();
    } else if (!open && dialog.open) dialog.close();
  }, [open]);

  const submit = (e: Event) => {
    e.preventDefault();
    if (agency) onConfirm(agency, mode);
  };

  return (
    <dialog ref={ref} class="transfer-dialog" aria-labelledby="transfer-title" onClose={onClose} onCancel={onClose}>
      <form method="dialog" onSubmit={submit}>
        <h2 id="transfer-title">Transfer call</h2>
        <label for="transfer-agency">Agency</label>
        <select id="transfer-agency" data-testid="transfer-agency" value={agency} onChange={(e) => setAgency(e.currentTarget.value as Agency | '')} required>
          <option value="" disabled>
            Choose an agency…
          </option>
          {AGENCIES.map((a) => (
            <option key={a} value={a}>
              {AGENCY_LABEL[a]}
            </option>
          ))}
        </select>
        <label for="transfer-mode">Mode</label>
        <select id="transfer-mode" data-testid="transfer-mode" value={mode} onChange={(e) => setMode(e.currentTarget.value as TransferMode)}>
          <option value="warm">Warm: stay on and brief the agency</option>
          <option value="cold">Cold: hand over and drop off</option>
        </select>
        <div class="dialog-actions">
          <button type="button" class="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" class="btn btn-primary" data-testid="transfer-confirm" disabled={!agency || busy}>
            {busy ? 'Transferring…' : 'Transfer'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
