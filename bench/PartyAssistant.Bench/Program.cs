using PartyAssistant.Bench;

// The scale benchmark runs on its own: corpora of these many passages, built from the ALQAC laws.
if (args.Length >= 2 && args[0] == "--scale")
{
    var repoRoot = BenchOptions.FindRepoRoot();
    var alqac = args.Length >= 4 && args[2] == "--alqac" ? args[3] : Path.Combine(BenchOptions.FindShared(repoRoot) ?? repoRoot, "benchmarks", "alqac");
    var sizes = args[1].Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToList();
    await ScaleBenchmark.RunAsync(repoRoot, alqac, sizes, Console.Out, CancellationToken.None);
    return 0;
}

// The OCR benchmark runs on its own: scans of the commune regulation read back (needs the Debian
// packages .ci/run installs: chromium, poppler-utils, img2pdf, tesseract-ocr, tesseract-ocr-vie).
if (args.Length >= 1 && args[0] == "--ocr")
{
    await OcrBenchmark.RunAsync(Console.Out, CancellationToken.None);
    return 0;
}

// The web door on its own: POST /api/ask against the warm pipeline, in one run (exit 1 when over the 1.5× target).
if (args.Length >= 1 && args[0] == "--web")
{
    var asks = args.Length >= 3 && args[1] == "--asks" ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 300;
    return await WebAskBenchmark.RunAsync(Console.Out, asks, CancellationToken.None);
}

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

using var runner = new BenchRunner(options, Console.Out);
var result = await runner.RunAsync(CancellationToken.None);
if (options.JsonFile is not null)
{
    BenchReport.WriteJson(options.JsonFile, result);
    Console.WriteLine($"JSON written to {options.JsonFile}");
}

return 0;
