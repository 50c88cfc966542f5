using System.ComponentModel;
using System.Globalization;
using PartyAssistant.Cli.Infrastructure;
using PartyAssistant.Corpus;
using PartyAssistant.Ingestion;
using PartyAssistant.Search;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PartyAssistant.Cli.Commands;

/// <summary>
/// Brings official texts (.docx, .pdf, .html, .txt, .md) into the corpus: shows what it detected,
/// asks before writing, writes Markdown into corpus/ and rebuilds the index.
/// </summary>
public sealed class IngestCommand(DocumentIngester ingester, CorpusIndex index, CliOutput output) : AsyncCommand<IngestCommand.Settings>
{
    public sealed class Settings : JsonSettings
    {
        [CommandArgument(0, "<tệp>")]
        [Description("Tệp văn bản: .docx, .pdf, .html, .txt, .md; bản quét (.pdf không có lớp chữ, ảnh .png, .jpg, .tif) được nhận dạng chữ (OCR).")]
        public string[] Files { get; init; } = [];

        [CommandOption("--id <mã>")]
        [Description("Mã văn bản trong corpus (chữ thường, số, gạch ngang). Mặc định: theo số hiệu, ví dụ qd-213.")]
        public string? Id { get; init; }

        [CommandOption("--type <loại>")]
        [Description("Loại văn bản: Quy định, Kết luận, Hướng dẫn, Nghị quyết, Chỉ thị, Quyết định, Kế hoạch, Thông báo.")]
        public string? Type { get; init; }

        [CommandOption("--number <số-hiệu>")]
        [Description("Số hiệu, ví dụ 213-QĐ/TW.")]
        public string? Number { get; init; }

        [CommandOption("--date <ngày>")]
        [Description("Ngày ban hành: yyyy-MM-dd hoặc dd/MM/yyyy.")]
        public string? Date { get; init; }

        [CommandOption("--issuer <cơ-quan>")]
        [Description("Cơ quan ban hành, ví dụ Bộ Chính trị.")]
        public string? Issuer { get; init; }

        [CommandOption("--title <trích-yếu>")]
        [Description("Trích yếu (tên) văn bản.")]
        public string? Title { get; init; }

        [CommandOption("--signer <người-ký>")]
        [Description("Người ký.")]
        public string? Signer { get; init; }

        [CommandOption("--short-title <tên>")]
        [Description("Tên văn bản trong trích dẫn. Mặc định: loại và số hiệu (Quy định 213-QĐ/TW), hoặc đầu trích yếu khi không có số hiệu.")]
        public string? ShortTitle { get; init; }

        [CommandOption("--replaces <mã>")]
        [Description("Mã hoặc số hiệu văn bản mà văn bản này thay thế.")]
        public string? Replaces { get; init; }

        [CommandOption("--summary-of <mã>")]
        [Description("Mã bản tóm tắt mà toàn văn này thay chỗ (mặc định: bản tóm tắt cùng số hiệu, nếu có).")]
        public string? SummaryOf { get; init; }

        [CommandOption("--overwrite")]
        [Description("Ghi đè tệp corpus đã có cùng mã.")]
        public bool Overwrite { get; init; }

        [CommandOption("-y|--yes")]
        [Description("Ghi ngay, không hỏi xác nhận.")]
        public bool Yes { get; init; }

        public override ValidationResult Validate()
        {
            if (this.Files.Length == 0)
            {
                return ValidationResult.Error("Cần ít nhất một tệp để nạp.");
            }

            var perDocument = new[] { this.Id, this.Number, this.Title, this.ShortTitle, this.Date, this.Signer, this.Replaces, this.SummaryOf };
            if (this.Files.Length > 1 && perDocument.Any(v => v is not null))
            {
                return ValidationResult.Error("--id, --number, --date, --title, --short-title, --signer, --replaces và --summary-of chỉ dùng khi nạp một tệp.");
            }

            return this.Date is null || ParseDate(this.Date) is not null
                ? ValidationResult.Success()
                : ValidationResult.Error($"Ngày \"{this.Date}\" phải viết dạng yyyy-MM-dd hoặc dd/MM/yyyy.");
        }

        public static DateOnly? ParseDate(string text) =>
            DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        // The corpus is taken before it is read: the ids chosen from it stay free until the files are written.
        IngestLock held;
        try
        {
            held = await ingester.LockCorpusAsync(output.Status, cancellationToken);
        }
        catch (IngestException e)
        {
            return output.Fail(e.Problem);
        }
        catch (OperationCanceledException)
        {
            return output.Fail("đã dừng theo yêu cầu; chưa thêm gì vào corpus.");
        }

        using (held)
        {
            return await this.IngestAsync(settings, cancellationToken);
        }
    }

    private async Task<int> IngestAsync(Settings settings, CancellationToken cancellationToken)
    {
        // The corpus is read while the first file is: each takes seconds on a national corpus.
        var loading = index.LoadCorpusAsync(cancellationToken);
        var plans = new List<IngestPlan>();
        var failed = 0;
        foreach (var file in settings.Files)
        {
            output.Status($"Đang đọc {Path.GetFileName(file)} …");
            try
            {
                var reading = await ingester.ReadAsync(ToRequest(file, settings), cancellationToken);
                var plan = ingester.Plan(reading, (await loading).Documents, plans.Select(p => p.Id).ToList());
                plans.Add(plan);
                if (!settings.Json)
                {
                    this.Show(plan);
                }
            }
            catch (IngestException e)
            {
                failed++;
                output.Fail($"{Path.GetFileName(file)}: {e.Problem}");
            }
        }

        if (plans.Count == 0)
        {
            output.Status("Chưa ghi gì vào corpus.");
            return 1;
        }

        switch (settings.Yes ? true : this.Confirm(plans.Count))
        {
            case false:
                // Saying no is an answer, not a failure.
                output.Status("Không ghi gì.");
                return ExitCodes.Done;
            case null:
                output.Status("Không ghi gì: không có ai trả lời câu hỏi xác nhận (đầu vào đã đóng). Thêm --yes để ghi không cần hỏi.");
                return ExitCodes.WrongUsage;
        }

        output.Status("Đang ghi vào corpus và dựng lại chỉ mục …");
        IndexManifest manifest;
        try
        {
            manifest = await ingester.CommitAsync(plans, new BuildProgress(output), cancellationToken);
        }
        catch (IngestException e)
        {
            return output.Fail(e.Problem);
        }
        catch (OperationCanceledException)
        {
            return output.Fail("đã dừng theo yêu cầu; chưa thêm gì vào corpus.");
        }

        if (settings.Json)
        {
            output.Json(plans.Select(IngestedDocumentView.From));
        }

        foreach (var plan in plans)
        {
            output.Status($"Đã thêm {plan.Id} ({plan.Document.Passages.Count} đoạn) vào {Path.GetRelativePath(Directory.GetCurrentDirectory(), plan.TargetPath)}.");
        }

        output.Status($"Chỉ mục: {manifest.Documents} văn bản, {manifest.Passages} đoạn. Bot và máy chủ web đang chạy sẽ tự nạp chỉ mục mới.");
        return failed == 0 ? 0 : 1;
    }

    private static IngestRequest ToRequest(string file, Settings settings) => new(file)
    {
        Id = settings.Id,
        Type = settings.Type,
        Number = settings.Number,
        Date = settings.Date is null ? null : Settings.ParseDate(settings.Date),
        Issuer = settings.Issuer,
        Title = settings.Title,
        Signer = settings.Signer,
        ShortTitle = settings.ShortTitle,
        Replaces = settings.Replaces,
        SummaryOf = settings.SummaryOf,
        Overwrite = settings.Overwrite,
    };

    private void Show(IngestPlan plan)
    {
        var console = output.Console;
        console.MarkupLine($"[bold]{Markup.Escape(Path.GetFileName(plan.Request.File))}[/] ({plan.Extracted.Format}, {plan.Extracted.PageCount} trang) → {Markup.Escape(plan.TargetPath)}{(plan.OverwritesExisting ? " [yellow](ghi đè)[/]" : string.Empty)}");
        output.Table(
            ["Trường", "Giá trị", "Nguồn"],
            plan.Values.Select(value => (IReadOnlyList<string>)
            [
                value.Name,
                value.Value ?? "(không có)",
                value.Source switch
                {
                    ValueSource.Given => "tham số",
                    ValueSource.Detected => "tự nhận ra",
                    _ => "không có",
                },
            ]).ToList());
        var passages = plan.Document.Passages;
        var articles = plan.Document.Sections.Count(s => s.IsArticle);
        console.WriteLine($"Cấu trúc: {articles} điều, {passages.Count} đoạn trích dẫn được. Ví dụ:");
        foreach (var passage in passages.Where(p => !p.SectionPath.StartsWith("mo-dau", StringComparison.Ordinal)).Take(3))
        {
            console.WriteLine($"  [{passage.Label}] {Shorten(passage.Text)}");
        }

        foreach (var note in plan.Notes)
        {
            console.MarkupLine($"[yellow]•[/] {Markup.Escape(note)}");
        }
    }

    /// <summary>The user's yes or no; null when nobody can answer (standard input closed).</summary>
    private bool? Confirm(int count)
    {
        output.Console.Write($"Ghi {count} văn bản vào corpus? [c/k] (c): ");
        var answer = output.Input.ReadLine();
        if (answer is null)
        {
            output.Console.WriteLine();
            return null;
        }

        return answer.Trim().ToLowerInvariant() is "" or "c" or "co" or "có" or "y" or "yes";
    }

    private static string Shorten(string text) => text.Length <= 90 ? text : text[..90] + " …";
}
