using System.ComponentModel;
using Spectre.Console.Cli;

namespace PartyAssistant.Cli.Infrastructure;

/// <summary>Settings shared by every command that can print JSON instead of text.</summary>
public class JsonSettings : CommandSettings
{
    [CommandOption("--json")]
    [Description("In kết quả dạng JSON.")]
    public bool Json { get; init; }
}
