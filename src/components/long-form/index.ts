// The components an .mdx entry may use in its body, by the name it writes (<Timeline ...>).
import Callout from './Callout.astro';
import Timeline from './Timeline.astro';

export const longFormComponents = { Callout, Timeline };
