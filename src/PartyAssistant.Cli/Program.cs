using System.Text;
using PartyAssistant.Cli;
using PartyAssistant.Cli.Infrastructure;
using Spectre.Console;

StartupProfile.Start(args);
Console.OutputEncoding = Encoding.UTF8;
return await CliApplication.RunAsync(args, AnsiConsole.Console, Console.In, Console.Out, Console.Error, configurationOverrides: null);
