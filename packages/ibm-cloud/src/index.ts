/**
 * @calico-dsl/ibm-cloud: the IBM Cloud Kubernetes Service (classic) cluster model, written with the
 * calico-dsl DSL: the default GlobalNetworkPolicies IBM installs on every cluster, the workers'
 * public and private host endpoints, and `ibmCloudCluster()` that puts them together.
 *
 * @packageDocumentation
 */
export * from './cluster.js';
export * from './default-policies.js';
export * from './host-endpoints.js';
export * from './labels.js';
export * from './node.js';
export * from './sys-mgmt-nets.js';
export * from './workers.js';
