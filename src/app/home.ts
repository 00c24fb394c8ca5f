// Entry of the home page: what Fault Lines is, a live miniature run, and the gallery.
import { protocols } from '../protocols/registry';
import { Display, displayFromQuery } from '../ui/state/display.svelte';
import HomePage from './HomePage.svelte';
import { mountPage } from './mount';

mountPage(HomePage, { display: new Display(displayFromQuery(location.search)), protocols });
