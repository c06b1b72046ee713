import { describeLessonApp } from '@calico-dsl/tutorial/testing';
import { lesson2 } from '../src/lesson.js';

describeLessonApp({
  define: lesson2,
  appUrl: new URL('..', import.meta.url),
  tutorialFiles: ['deny-nodeports'],
  outcomes: [
    ['3', 'timed out', 'deny-nodeports'],
    ['4', 'reached', undefined],
  ],
  otherParams: { nodePort: 32767 }, // the top of the node port range
});
