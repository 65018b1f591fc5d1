/** Real parser fuzz target: js-yaml loads the input; parse errors are expected and ignored. */
import yaml from 'js-yaml';

export function fuzz(data) {
  try {
    yaml.load(data.toString('latin1'));
  } catch (err) {
    if (!(err instanceof yaml.YAMLException)) throw err;
  }
}
