import { describeLessonApp } from '@calico-dsl/tutorial/testing';
import { lesson1 } from '../src/lesson.js';

describeLessonApp({
  define: lesson1,
  appUrl: new URL('..', import.meta.url),
  tutorialFiles: ['webserver-lb'],
  outcomes: [
    ['5.3', 'reached', undefined],
    ['6.4', 'reached', undefined],
  ],
});
