import { calicoProject } from '../../vitest.shared.js';

export default calicoProject('lesson-1-nodeport-and-lb');
