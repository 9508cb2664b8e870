import { mount } from 'svelte';
import App from './ui/App.svelte';
import { pwa } from './lib/pwa.svelte.ts';
import './ui/app.css';

const target = document.getElementById('app');
if (!target) throw new Error('#app missing from index.html');
const app = mount(App, { target });
pwa.start();
export default app;
