// Reads a data package with the Frictionless JS library and prints, per
// resource, its name and the number of rows it reads.
const { Package } = require('datapackage');
(async () => {
  const pkg = await Package.load(process.argv[2] + '/datapackage.json');
  if (!pkg.valid) { console.log(JSON.stringify({errors: pkg.errors.map(String)})); process.exit(1); }
  const out = {};
  for (const r of pkg.resources) {
    try { const rows = await r.read({keyed: true, cast: false}); out[r.name] = rows.length; }
    catch (e) { out[r.name] = 'error: ' + String(e); }
  }
  console.log(JSON.stringify(out));
})().catch(e => { console.log(JSON.stringify({errors: [String(e)]})); process.exit(1); });
