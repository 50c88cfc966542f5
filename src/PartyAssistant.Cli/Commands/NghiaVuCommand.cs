using PartyAssistant.Facts;
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
                output.Json(all.Select(r => new { role = r.Role.Id, name = r.Role.Name, items = r.Items.Count }));
            }
            else
            {
                output.Console.WriteLine(ObligationText.RoleList(all, "nghia-vu <vai trò>, ví dụ: nghia-vu \"bí thư chi bộ\""));
            }

            return 0;
        }

        if (RoleLexicon.Resolve(settings.Role) is not { } choice)
        {
            // A script asking for JSON gets JSON, not an empty stdout it cannot tell from a crash.
            if (settings.Json)
            {
                output.Json(new { error = ObligationText.Unknown(settings.Role) });
            }

            return output.Fail(ObligationText.Unknown(settings.Role));
        }

        var role = choice.Role;
        var list = await book.ForAsync(role, cancellationToken);
        if (settings.Json)
        {
            output.Json(new
            {
                role = role.Id,
                role_name = role.Name,
                nearest_role_note = choice.Nearest,
                message = list.Items.Count + list.Inherited.Count == 0 ? ObligationText.Checklist(list) : null,
                items = list.Items.Select(ToJson),
                inherited = list.Inherited.Select(ToJson),
                narrower = list.Narrower.Select(n => new { role = n.Role.Id, name = n.Role.Name, items = n.Count, duties = n.Items.Select(ToJson) }),
            });
        }
        else
        {
            if (choice.Nearest is not null)
            {
                output.Console.WriteLine(choice.Nearest);
                output.Console.WriteLine();
            }

            output.Console.WriteLine(ObligationText.Checklist(list));
        }

        return 0;
    }

    private static object ToJson(Obligation item) => new
    {
        text = item.Text,
        passage_id = item.PassageId,
        label = item.Label,
        quote = item.Quote,
        when = item.When,
        from_summary = item.FromSummary,
        from_role = item.Role.Id,
        note = item.FromSummary ? ObligationText.SummaryMark : null,
    };
}
