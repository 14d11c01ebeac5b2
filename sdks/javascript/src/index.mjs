// The ES module face of the same Kestra object (one implementation, src/index.cjs).
import Kestra from './index.cjs';

export default Kestra;
