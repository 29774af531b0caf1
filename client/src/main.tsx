import { render } from 'preact';
import { App } from './components/App/App.js';
import { createStores } from './state/context.js';

const stores = createStores();
void stores.session.restore().catch((err: unknown) => console.error('Could not reach the server', err));

render(<App stores={stores} />, document.getElementById('app')!);
