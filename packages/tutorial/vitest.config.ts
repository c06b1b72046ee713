import { calicoProject } from '../../vitest.shared.js';

export default calicoProject('tutorial');
