/** Every console page passes axe-core in Korean, light and dark: see support/consoleAccessibility.ts. */
import { consoleAccessibility } from './support/consoleAccessibility.js';

consoleAccessibility('ko');
