/**
 * Lesson 1: Deploy an app and expose it by using a load balancer. No Calico policy yet: the app is
 * reachable on the load balancer IP and on every worker's public IP at the node port.
 */
import {
  type LessonDefinition,
  tutorialLesson,
  webserverDeployment,
  webserverLoadBalancer,
  webserverService,
} from '@calico-dsl/tutorial';

/**
 * Lesson 1 as data: deploy `webserver`, expose it with `webserver-lb`, reach it both ways.
 *
 * @example
 * ```ts
 * simulateLesson(lesson1(TUTORIAL_DEFAULTS), TUTORIAL_DEFAULTS).ok; // true
 * ```
 */
export const lesson1: LessonDefinition = (params) => ({
  ...tutorialLesson(1),
  summary:
    'The first lesson shows you how your app is exposed from multiple IP addresses and ports, ' +
    'and where public traffic is coming into your cluster.',
  startsWith: { app: false, policies: [] },
  steps: [
    {
      kind: 'deploy',
      step: '1',
      text:
        'Deploy the sample web server app. (kubectl >= 1.18 dropped `run --replicas`: there, ' +
        '`kubectl create deployment webserver --image=k8s.gcr.io/echoserver:1.10 --replicas=3`, whose pods ' +
        'are labelled app=webserver, so select app: webserver in webserver-lb.yaml.)',
      command: 'kubectl run webserver --image=k8s.gcr.io/echoserver:1.10 --replicas=3',
      output: 'deployment.apps/webserver created',
      resources: webserverDeployment(params),
    },
    {
      kind: 'deploy',
      step: '3-4',
      text: 'Create the load balancer service configuration file webserver-lb.yaml and deploy it.',
      command: 'kubectl apply -f out/webserver-lb.yaml',
      output: `service/webserver-lb created (EXTERNAL-IP ${params.loadBalancerIp}, PORT(S) 80:${params.nodePort}/TCP)`,
      resources: [webserverService(params)],
      manifest: { file: 'webserver-lb.yaml', resource: webserverLoadBalancer() },
    },
    {
      kind: 'curl',
      step: '5.3',
      text: 'Verify that you can publicly access the external IP for the load balancer.',
      from: 'you',
      target: 'load balancer',
      expect: 'reached',
    },
    {
      kind: 'curl',
      step: '6.4',
      text: 'Verify that you can access the public IP address of the worker node through the node port.',
      from: 'you',
      target: 'node port',
      expect: 'reached',
    },
  ],
  conclusion:
    'At this point, your app is exposed from multiple IP addresses and ports: the public node port ' +
    'and the public load balancer port are open to the internet.',
});
