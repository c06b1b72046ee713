import { calicoProject } from '../../vitest.shared.js';

export default calicoProject('lesson-2-deny-nodeports');
