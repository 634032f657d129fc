import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../src/adapters/background/create-background';

export default defineBackground({ type: 'module', main: startBackground });
