using PartyAssistant.Bench;

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
