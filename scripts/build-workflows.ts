// `npm run build:workflows`: the prebuilt bundle production workers load (WORKFLOW_BUNDLE_PATH).
import { join } from 'node:path';
import { writeWorkflowBundle } from '../src/temporal/bundle';

const outPath = process.argv[2] ?? join(__dirname, '..', 'dist', 'workflow-bundle.js');
writeWorkflowBundle(outPath)
  .then(() => console.log(`Workflow bundle written to ${outPath}`))
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
