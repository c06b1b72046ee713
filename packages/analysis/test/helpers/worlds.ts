/** Small worlds several analysis tests share. */

const NODE_1 = `apiVersion: v1
kind: Node
metadata: {name: node-1}
status: {addresses: [{type: InternalIP, address: 10.0.0.11}, {type: ExternalIP, address: 203.0.113.11}]}
`;
const PRIVATE_HEP = `---
apiVersion: projectcalico.org/v3
kind: HostEndpoint
metadata: {name: n1-eth0, labels: {role: private}}
spec: {node: node-1, interfaceName: eth0, expectedIPs: [10.0.0.11]}
`;
const PUBLIC_HEP = `---
apiVersion: projectcalico.org/v3
kind: HostEndpoint
metadata: {name: n1-eth1, labels: {role: public}}
spec: {node: node-1, interfaceName: eth1, expectedIPs: [203.0.113.11]}
`;

/**
 * One node with a private (eth0, 10.0.0.11) and a public (eth1, 203.0.113.11) host endpoint,
 * labelled `role: private` / `role: public`: where a flow enters (`via`) decides which policy
 * it meets.
 */
export const TWO_INTERFACE_NODE = `${NODE_1}${PRIVATE_HEP}${PUBLIC_HEP}`;

/** The same node with its public host endpoint only: eth1 is its one named interface. */
export const ONE_INTERFACE_NODE = `${NODE_1}${PUBLIC_HEP}`;
