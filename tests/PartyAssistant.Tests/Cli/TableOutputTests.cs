using Spectre.Console;

namespace PartyAssistant.Tests.Cli;

/// <summary>
/// The `docs` and `eval` tables: at a terminal they fit its width and break no word; piped, they are
/// tab-separated lines a script or a spreadsheet can read.
/// </summary>
public sealed class TableOutputTests : IDisposable
{
    private static readonly char[] Rules = ['│', '┌', '┐', '└', '┘', '├', '┤', '┬', '┴', '┼', '─', ' '];

    private readonly TempDirectory temp = new();

    private string Data => Path.Combine(this.temp.Path, "data");

    public void Dispose() => this.temp.Dispose();

    [Theory]
    [InlineData("docs")]
    [InlineData("eval")]
    public async Task Piped_a_table_is_tab_separated_lines_with_a_header(string command)
    {
        var piped = await this.RunAsync(null, command);
        Assert.Equal(0, piped.ExitCode);
        var lines = piped.Output.TrimEnd('\n').Split('\n');
        var columns = lines[0].Split('\t').Length;
        Assert.True(columns >= 4, lines[0]);
        Assert.All(lines, line => Assert.Equal(columns, line.Split('\t').Length));
        Assert.DoesNotContain('│', piped.Output);
        Assert.Empty(piped.Console.Trim());
        if (command == "docs")
        {
            Assert.Equal("Mã\tLoại\tSố hiệu\tNgày\tTrích yếu\tDạng\tTình trạng\tQuan hệ", lines[0]);
            Assert.Contains(lines, l => l.StartsWith("ct-05\tChỉ thị\t05-CT/TW\t15/05/2016\t", StringComparison.Ordinal));
            Assert.Equal(9, lines.Length);
        }
        else
        {
            Assert.StartsWith("Nhóm\tn\thit@1\thit@3\tmrr@10", lines[0], StringComparison.Ordinal);
            Assert.StartsWith("overall\t", lines[^1], StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("docs", 80)]
    [InlineData("eval", 80)]
    [InlineData("docs", 200)]
    [InlineData("eval", 200)]
    public async Task At_a_terminal_a_table_fits_its_width_and_breaks_no_word(string command, int width)
    {
        var words = (await this.RunAsync(null, command)).Output.Split(['\t', '\n', ' '], StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var shown = await this.RunAsync(width, command);
        Assert.Equal(0, shown.ExitCode);
        var lines = shown.Console.TrimEnd().Split('\n');
        Assert.All(lines, line => Assert.True(line.TrimEnd().GetCellWidth() <= width, $"{line.TrimEnd().GetCellWidth()} > {width}: {line}"));
        foreach (var token in lines.SelectMany(l => l.Split(Rules, StringSplitOptions.RemoveEmptyEntries)))
        {
            // A block per row names each cell "Cột: giá trị" and joins them with "·".
            Assert.True(token == "·" || words.Contains(token) || words.Contains(token.TrimEnd(':')), $"\"{token}\" is not a whole word of the table:\n{shown.Console}");
        }

        // Every value is shown: no cell is dropped to make the table fit.
        Assert.All(new[] { "05-CT/TW", "15/05/2016", "33-HD/BTCTW", "nq-04-tw4-khoa-xii" }.Where(_ => command == "docs"), value => Assert.Contains(value, shown.Console, StringComparison.Ordinal));
        Assert.Contains("overall", command == "eval" ? shown.Console : "overall", StringComparison.Ordinal);
        if (width == 200)
        {
            Assert.Contains("┌", shown.Console, StringComparison.Ordinal);
        }
    }

    private Task<CliResult> RunAsync(int? width, string command)
    {
        string[] args = command == "eval" ? ["eval", TestPaths.DevQuestions, "--retrieval-only"] : [command];
        return width is { } columns
            ? CliRunner.RunInTerminalAsync(TestPaths.Corpus, this.Data, columns, args)
            : CliRunner.RunAsync(TestPaths.Corpus, this.Data, args);
    }
}
