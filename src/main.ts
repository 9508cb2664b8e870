import { mount } from 'svelte';
import App from './ui/App.svelte';
import { pwa } from './lib/pwa.svelte.ts';
import { warmUpFormatters } from './lib/format.ts';
import { i18n } from './lib/i18n/i18n.svelte.ts';
import './ui/app.css';

const target = document.getElementById('app');
if (!target) throw new Error('#app missing from index.html');
const app = mount(App, { target });
pwa.start();
requestIdleCallback(() => warmUpFormatters(i18n.intlLocale), { timeout: 2000 });
export default app;
