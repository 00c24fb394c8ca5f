// Entry of the home page: what Fault Lines is, a live miniature run, and the gallery.
import { protocols } from '../protocols/registry';
import { pageDisplay } from './page-memory.svelte';
import HomePage from './HomePage.svelte';
import { mountPage } from './mount';

mountPage(HomePage, { display: pageDisplay(location.search), protocols });
