import { describeLessonApp } from '@calico-dsl/lesson-kit/testing';
import { lesson1 } from '../src/lesson.js';

describeLessonApp({
  define: lesson1,
  appUrl: new URL('..', import.meta.url),
  tutorialFiles: ['webserver-lb'],
  outcomes: [
    ['5.3', 'reached', undefined],
    ['6.4', 'reached', undefined],
  ],
  otherParams: {
    clientIp: '192.0.2.44',
    otherClientIp: '192.0.2.45',
    loadBalancerIp: '169.46.10.99',
    workerPublicIp: '198.51.100.20',
    nodePort: 30080,
  },
});
