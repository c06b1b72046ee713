import { describeLessonApp } from '@calico-dsl/tutorial/testing';
import { lesson3 } from '../src/lesson.js';

describeLessonApp({
  define: lesson3,
  appUrl: new URL('..', import.meta.url),
  tutorialFiles: ['deny-lb-port-80', 'whitelist'],
  outcomes: [
    ['3', 'timed out', 'deny-lb-port-80'],
    ['6', 'reached', 'whitelist'],
    ['7', 'timed out', 'deny-lb-port-80'],
  ],
});
