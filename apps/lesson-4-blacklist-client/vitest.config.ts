import { calicoProject } from '../../vitest.shared.js';

export default calicoProject('lesson-4-blacklist-client');
