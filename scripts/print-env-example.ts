import { CONFIG_KEYS } from '../src/config/config-schema';

/** Prints .env.example from the config schema: `npm run env:example > .env.example`. */
const lines = [
  '# kalshi-arb configuration: copy to .env and edit. The shell environment wins over this file.',
  '',
];
for (const key of Object.values(CONFIG_KEYS)) {
  lines.push(
    `# ${key.description}${'defaultText' in key && key.defaultText ? ` (default: ${key.defaultText})` : ''}`,
  );
  lines.push(`${key.env}=`);
  lines.push('');
}
process.stdout.write(lines.join('\n'));
