import { calicoProject } from '../../vitest.shared.js';

export default calicoProject('lesson-3-whitelist-client');
