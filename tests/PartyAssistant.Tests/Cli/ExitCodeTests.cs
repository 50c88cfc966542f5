using PartyAssistant.Tests.Hosting;

namespace PartyAssistant.Tests.Cli;

/// <summary>
/// Every command ends the same way (README, "Exit codes"): 0 done, 1 bad input or not found, 2 wrong
/// usage — and says why in Vietnamese, the parser's complaints included.
/// </summary>
public sealed class ExitCodeTests : IDisposable
{
    private static readonly string[] Commands = ["ask", "chat", "telegram", "zalo-bot", "serve", "index", "search", "ingest", "docs", "show", "nghia-vu", "quiz", "outline", "eval"];

    // Words of the parser's and the runtime's English that must never reach the user.
    private static readonly string[] English = ["Unknown", "Unexpected", "missing", "Could not", "Option '", "Command '", "Failed", "Expected", "Flags", "Invalid", "not in a correct format", "__default_command", "USAGE", "OPTIONS", "Prints"];

    private readonly TempDirectory temp = new();

    private string Data => Path.Combine(this.temp.Path, "data");

    public void Dispose() => this.temp.Dispose();

    /// <summary>A command's own arguments, so that what the test adds is the only thing wrong.</summary>
    private string[] Valid(string command) => command switch
    {
        "ask" or "search" => [command, "tiếp dân định kỳ"],
        "show" => [command, "kl-tu-nq03/II.3.4"],
        "eval" => [command, TestPaths.DevQuestions],
        "ingest" => [command, Path.Combine(this.temp.Path, "a.txt")],
        "quiz" or "outline" => [command, "--doc", "kl-01"],
        _ => [command],
    };

    [Theory]
    [InlineData(new[] { "hoi", "x" }, "Không có lệnh \"hoi\". Các lệnh: ask, chat")]
    [InlineData(new[] { "--bogus" }, "Tuỳ chọn \"bogus\" phải đặt sau tên lệnh")]
    [InlineData(new[] { "ask" }, "Lệnh ask thiếu tham số <câu-hỏi>")]
    [InlineData(new[] { "search" }, "Lệnh search thiếu tham số <câu-hỏi>")]
    [InlineData(new[] { "show" }, "Lệnh show thiếu tham số <mã-đoạn>")]
    [InlineData(new[] { "eval" }, "Lệnh eval thiếu tham số <tệp.jsonl>")]
    [InlineData(new[] { "ingest" }, "Lệnh ingest thiếu tham số <tệp>")]
    [InlineData(new[] { "show", "a", "b" }, "Thừa tham số \"b\"")]
    [InlineData(new[] { "docs", "extra" }, "Không có lệnh \"extra\"")]
    [InlineData(new[] { "search", "x", "--top" }, "Tuỳ chọn \"--top\" cần một giá trị")]
    [InlineData(new[] { "quiz", "--doc" }, "Tuỳ chọn \"--doc\" cần một giá trị")]
    [InlineData(new[] { "search", "x", "--top", "abc" }, "\"abc\" không phải một số nguyên")]
    [InlineData(new[] { "outline", "--doc", "kl-01", "--minutes", "5x" }, "\"5x\" không phải một số nguyên")]
    [InlineData(new[] { "search", "x", "--top", "0" }, "--top (số đoạn trả về) phải từ 1 đến 100")]
    [InlineData(new[] { "ask", "x", "--json=3" }, "không nhận giá trị")]
    [InlineData(new[] { "docs", "--1a" }, "Tên tuỳ chọn không hợp lệ")]
    [InlineData(new[] { "quiz" }, "Cần --doc <mã văn bản>")]
    [InlineData(new[] { "quiz", "--doc", "kl-01", "--format", "pdf" }, "Định dạng \"pdf\" không hỗ trợ")]
    [InlineData(new[] { "quiz", "--doc", "kl-01", "--n", "0" }, "Số câu hỏi phải từ 1 đến 100")]
    [InlineData(new[] { "outline" }, "Cần chọn văn bản: --doc <mã>")]
    [InlineData(new[] { "outline", "--doc", "kl-01", "--format", "pdf" }, "Định dạng \"pdf\" không hỗ trợ")]
    [InlineData(new[] { "outline", "--doc", "kl-01", "--minutes", "5" }, "Thời lượng buổi sinh hoạt phải từ 15 đến 240 phút")]
    [InlineData(new[] { "outline", "--doc", "kl-01", "--audience", "ban bí thư" }, "Không có đối tượng \"ban bí thư\". Các đối tượng: Chi bộ (chi-bo); Đảng uỷ xã, phường, thị trấn (dang-uy-xa); Cấp uỷ tỉnh (cap-uy-tinh).")]
    [InlineData(new[] { "ingest", "a.docx", "--date", "hôm qua" }, "Ngày \"hôm qua\" phải viết dạng yyyy-MM-dd")]
    [InlineData(new[] { "ingest", "a.docx", "b.docx", "--id", "x" }, "chỉ dùng khi nạp một tệp")]
    public async Task A_wrong_command_line_exits_2_with_a_vietnamese_message(string[] args, string expected)
    {
        var result = await CliRunner.RunAsync(TestPaths.Corpus, this.Data, args);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Diagnostics, StringComparison.Ordinal);
        Assert.Contains("Xem cách dùng: partyassistant", result.Diagnostics, StringComparison.Ordinal);
        AssertNoEnglish(result.Diagnostics);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task An_unknown_option_is_refused_by_every_command_before_it_runs()
    {
        foreach (var command in Commands)
        {
            var result = await CliRunner.RunAsync(TestPaths.Corpus, this.Data, [.. this.Valid(command), "--bogus"]);
            Assert.True(result.ExitCode == 2, $"{command}: exit {result.ExitCode}\n{result.Diagnostics}");
            Assert.Contains($"Lệnh {command} không có tuỳ chọn --bogus. Xem cách dùng: partyassistant {command} --help", result.Diagnostics, StringComparison.Ordinal);
            AssertNoEnglish(result.Diagnostics);
        }

        var several = await CliRunner.RunAsync(TestPaths.Corpus, this.Data, "docs", "-z", "--khong-co");
        Assert.Equal(2, several.ExitCode);
        Assert.Contains("Lệnh docs không có các tuỳ chọn -z, --khong-co.", several.Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_is_in_vietnamese_for_the_application_and_every_command()
    {
        var top = await CliRunner.RunAsync(TestPaths.Corpus, this.Data, "--help");
        Assert.Equal(0, top.ExitCode);
        Assert.Contains("CÁCH DÙNG:", top.Console, StringComparison.Ordinal);
        Assert.Contains("CÁC LỆNH:", top.Console, StringComparison.Ordinal);
        AssertNoEnglish(top.Console);
        foreach (var command in Commands)
        {
            var help = await CliRunner.RunAsync(TestPaths.Corpus, this.Data, command, "--help");
            Assert.Equal(0, help.ExitCode);
            Assert.Contains($"partyassistant {command}", help.Console, StringComparison.Ordinal);
            Assert.Contains("TUỲ CHỌN:", help.Console, StringComparison.Ordinal);
            Assert.Contains("In hướng dẫn này", help.Console, StringComparison.Ordinal);
            AssertNoEnglish(help.Console);
        }
    }

    [Theory]
    [InlineData(new[] { "ask", "" }, "Câu hỏi trống")]
    [InlineData(new[] { "search", " " }, "Câu hỏi trống")]
    [InlineData(new[] { "show", "kl-tu-nq03/IX.9" }, "Không có đoạn nào mang mã")]
    [InlineData(new[] { "nghia-vu", "phi hành gia" }, "phi hành gia")]
    [InlineData(new[] { "quiz", "--doc", "khong-co" }, "Không có văn bản mang mã \"khong-co\"")]
    [InlineData(new[] { "quiz", "--doc", "kl-tu-nq03", "--section", "IX" }, "không có mục \"IX\"")]
    [InlineData(new[] { "outline", "--doc", "khong-co", "--format", "md" }, "Không có văn bản mang mã \"khong-co\"")]
    [InlineData(new[] { "eval", "khong-co.jsonl" }, "Không tìm thấy tệp câu hỏi")]
    [InlineData(new[] { "ingest", "khong-co.docx", "--yes" }, "khong-co.docx: không tìm thấy tệp")]
    [InlineData(new[] { "docs", "--check" }, "chưa có trong corpus")]
    public async Task Input_that_cannot_be_used_exits_1_with_a_vietnamese_message(string[] args, string expected)
    {
        // Ingesting takes a lock file in the corpus folder: never the shipped one.
        var corpus = args[0] == "ingest" ? this.temp.CopyCorpus() : TestPaths.Corpus;
        var result = await CliRunner.RunAsync(corpus, this.Data, args);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.Diagnostics + result.Console, StringComparison.Ordinal);
        AssertNoEnglish(result.Diagnostics);
    }

    [Fact]
    public async Task The_bots_without_a_token_exit_1_naming_the_setting()
    {
        var telegram = await CliRunner.RunWithSettingsAsync(TestPaths.Corpus, this.Data, new Dictionary<string, string?> { ["Telegram:BotToken"] = "" }, "telegram");
        Assert.Equal(1, telegram.ExitCode);
        Assert.Contains("TELEGRAM_BOT_TOKEN", telegram.Diagnostics, StringComparison.Ordinal);

        var zalo = await CliRunner.RunWithSettingsAsync(TestPaths.Corpus, this.Data, new Dictionary<string, string?> { ["Zalo:Bot:Token"] = "" }, "zalo-bot");
        Assert.Equal(1, zalo.ExitCode);
        Assert.Contains("Zalo__Bot__Token", zalo.Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_that_succeed_exit_0()
    {
        string[][] runs =
        [
            ["docs"], ["docs", "--json"], ["nghia-vu"], ["nghia-vu", "bi thu chi bo"], ["index"], ["show", "kl-tu-nq03/II.3.4"],
            ["quiz", "--doc", "kl-01", "--n", "3"], ["outline", "--doc", "kl-01", "--format", "md"], ["ask", "tiếp dân định kỳ"],
        ];
        foreach (var args in runs)
        {
            var result = await CliRunner.RunAsync(TestPaths.Corpus, this.Data, args);
            Assert.True(result.ExitCode == 0, $"{string.Join(' ', args)}: exit {result.ExitCode}\n{result.Diagnostics}");
        }

        var chat = await CliRunner.RunWithInputAsync(TestPaths.Corpus, this.Data, "/thoat\n", "chat");
        Assert.Equal(0, chat.ExitCode);
    }

    [Fact]
    public async Task Every_command_with_a_corpus_directory_that_is_not_there_says_how_to_set_it()
    {
        var missing = Path.Combine(this.temp.Path, "khong-co-corpus");
        foreach (var command in Commands)
        {
            var result = await CliRunner.RunAsync(missing, this.Data, this.Valid(command));
            Assert.True(result.ExitCode == 1, $"{command}: exit {result.ExitCode}\n{result.Diagnostics}");
            Assert.Contains($"Corpus:Directory là \"{missing}\" nhưng không có thư mục", result.Diagnostics, StringComparison.Ordinal);
            Assert.Contains("Corpus__Directory=", result.Diagnostics, StringComparison.Ordinal);
            AssertNoEnglish(result.Diagnostics);
        }

        Assert.False(Directory.Exists(missing));
    }

    [Fact]
    public async Task A_command_run_outside_the_repository_finds_the_corpus_through_the_setting_or_says_how_to_set_it()
    {
        var elsewhere = Path.Combine(this.temp.Path, "elsewhere");
        Directory.CreateDirectory(elsewhere);
        var data = new Dictionary<string, string?> { ["Storage:DataDirectory"] = this.Data };

        await using (var lost = CliProcess.Start(elsewhere, data, "ask", "tiếp dân định kỳ"))
        {
            Assert.NotNull(await lost.WaitForExitAsync(TimeSpan.FromSeconds(60)));
            Assert.Equal(1, lost.ExitCode);
            Assert.Contains($"không có thư mục \"corpus\" nào ở {elsewhere} hay các thư mục cha", lost.Output, StringComparison.Ordinal);
            Assert.Contains("Corpus__Directory=", lost.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("Could not find", lost.Output, StringComparison.Ordinal);
        }

        await using var found = CliProcess.Start(elsewhere, new Dictionary<string, string?>(data) { ["Corpus:Directory"] = TestPaths.Corpus }, "show", "kl-tu-nq03/II.3.4");
        Assert.NotNull(await found.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal(0, found.ExitCode);
        Assert.Contains("Mục II.3, ý 4", found.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_parser_message_row_is_well_formed_and_every_placeholder_is_filled()
    {
        var rows = PartyAssistant.Cli.Infrastructure.MessageTable.Read(PartyAssistant.Cli.Infrastructure.ParserMessages.ResourceName);
        Assert.True(rows.Count >= 15);
        foreach (var (english, vietnamese) in rows)
        {
            var placeholders = Enumerable.Range(0, 3).Where(n => english.Contains("{" + n + "}", StringComparison.Ordinal));
            Assert.All(Enumerable.Range(0, 3).Where(n => vietnamese.Contains("{" + n + "}", StringComparison.Ordinal)), n => Assert.Contains(n, placeholders));
        }

        var messages = PartyAssistant.Cli.Infrastructure.ParserMessages.Shipped;
        Assert.Equal("Không có lệnh \"hoi\". Các lệnh: ask, chat.", messages.Translate("Unknown command 'hoi'.", ["ask", "chat"]));
        Assert.Equal("Lệnh ask thiếu tham số <câu-hỏi>.", messages.Translate("Command 'ask' is missing required argument 'câu-hỏi'.", []));
        Assert.Null(messages.Translate("Something else entirely.", []));

        var broken = Assert.Throws<FormatException>(() => PartyAssistant.Cli.Infrastructure.MessageTable.Parse("x.tsv", "# ghi chú\nchỉ một cột\n"));
        Assert.Contains("x.tsv, dòng 2", broken.Message, StringComparison.Ordinal);
        await Task.CompletedTask;
    }

    private static void AssertNoEnglish(string text)
    {
        foreach (var word in English)
        {
            Assert.False(text.Contains(word, StringComparison.Ordinal), $"\"{word}\" in:\n{text}");
        }
    }
}
