/** Every console page passes axe-core in English, light and dark, and a keyboard alone signs in: see support/consoleAccessibility.ts. */
import { consoleAccessibility } from './support/consoleAccessibility.js';

consoleAccessibility('en', { keyboard: true });
