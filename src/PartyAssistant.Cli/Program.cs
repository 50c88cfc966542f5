using System.Text;
using PartyAssistant.Cli;
using Spectre.Console;

Console.OutputEncoding = Encoding.UTF8;
return await CliApplication.RunAsync(args, AnsiConsole.Console, Console.In, Console.Out, Console.Error, configurationOverrides: null);
