using System.ComponentModel;
using PartyAssistant.Cli.Infrastructure;
using PartyAssistant.Obligations;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PartyAssistant.Cli.Commands;

/// <summary>What the documents ask of a role, as a cited checklist; without a role, the roles and how many items each has.</summary>
public sealed class NghiaVuCommand(ObligationBook book, CliOutput output) : AsyncCommand<NghiaVuCommand.Settings>
{
    public sealed class Settings : JsonSettings
    {
        [CommandArgument(0, "[vai-trò]")]
        [Description("Vai trò, gõ có dấu hoặc không dấu: \"bí thư chi bộ\", \"dv dang cong tac\", \"chi-uy\". Bỏ trống để xem các vai trò.")]
        public string? Role { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(settings.Role))
        {
            var all = await book.AllAsync(cancellationToken);
            if (settings.Json)
            {
                output.Json(RoleCountView.From(all));
            }
            else
            {
                output.Console.WriteLine(ObligationText.RoleList(all, "nghia-vu <vai trò>, ví dụ: nghia-vu \"bí thư chi bộ\""));
            }

            return 0;
        }

        if (await book.LookupAsync(settings.Role, cancellationToken) is not { } found)
        {
            // A script asking for JSON gets JSON, not an empty stdout it cannot tell from a crash.
            if (settings.Json)
            {
                output.Json(new ErrorView(ObligationText.Unknown(settings.Role)));
            }

            return output.Fail(ObligationText.Unknown(settings.Role));
        }

        if (settings.Json)
        {
            output.Json(RoleChecklistView.From(found.Choice, found.List));
        }
        else
        {
            if (found.Choice.Nearest is not null)
            {
                output.Console.WriteLine(found.Choice.Nearest);
                output.Console.WriteLine();
            }

            output.Console.WriteLine(ObligationText.Checklist(found.List));
        }

        return 0;
    }
}
