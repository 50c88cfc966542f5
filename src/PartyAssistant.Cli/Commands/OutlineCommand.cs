using System.ComponentModel;
using PartyAssistant.Cli.Infrastructure;
using PartyAssistant.Outlines;
using PartyAssistant.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PartyAssistant.Cli.Commands;

/// <summary>A session outline for trainers: Markdown on stdout, or a Word file to edit and print.</summary>
public sealed class OutlineCommand(TrainerMaterials materials, CliOutput output) : AsyncCommand<OutlineCommand.Settings>
{
    public sealed class Settings : OutputFileSettings
    {
        [CommandOption("--doc <mã>")]
        [Description("Mã văn bản, ví dụ kl-tu-nq03 (xem lệnh docs).")]
        public string? Document { get; init; }

        [CommandOption("--section <mục>")]
        [Description("Chỉ lập dàn ý cho một mục: II, II.3 (kl-tu-nq03), dieu-2 (văn bản đã nạp).")]
        public string? Section { get; init; }

        [CommandOption("--minutes <phút>")]
        [Description("Thời lượng buổi sinh hoạt, từ 15 đến 240 phút. Mặc định 45.")]
        [DefaultValue(OutlineRequest.DefaultMinutes)]
        public int Minutes { get; init; } = OutlineRequest.DefaultMinutes;

        [CommandOption("--audience <đối-tượng>")]
        [Description("Buổi sinh hoạt dành cho ai: chi bộ (mặc định), đảng uỷ xã, cấp uỷ tỉnh; gõ có dấu hoặc không dấu. Câu hỏi thảo luận chỉ hỏi những việc thuộc về đối tượng này.")]
        public string? Audience { get; init; }

        [CommandOption("--format <định-dạng>")]
        [Description("md (in ra màn hình) hoặc docx (tệp Word). Mặc định docx.")]
        [DefaultValue("docx")]
        public string Format { get; init; } = "docx";

        public override ValidationResult Validate()
        {
            if (this.Format.Trim().ToLowerInvariant() is not ("md" or "docx"))
            {
                return ValidationResult.Error($"Định dạng \"{this.Format}\" không hỗ trợ; dùng --format md hoặc --format docx.");
            }

            if (SessionTimePlanner.Problem(this.Minutes) is { } problem)
            {
                return ValidationResult.Error(problem);
            }

            if (this.Audience is not null && Audiences.Resolve(this.Audience) is null)
            {
                return ValidationResult.Error(Audiences.Unknown(this.Audience));
            }

            return string.IsNullOrWhiteSpace(this.Document)
                ? ValidationResult.Error("Cần chọn văn bản: --doc <mã>, ví dụ --doc kl-tu-nq03 (xem mã bằng lệnh docs).")
                : ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var format = settings.Format.Trim().ToLowerInvariant();

        SessionOutline outline;
        try
        {
            outline = await materials.OutlineAsync(new OutlineRequest(settings.Document!, settings.Minutes, settings.Section, Audiences.Resolve(settings.Audience)), cancellationToken);
        }
        catch (OutlineRequestException e)
        {
            return output.Fail(e.Message);
        }

        if (format == "md" && settings.Output is null)
        {
            output.Text(OutlineMarkdownWriter.Write(outline));
            return 0;
        }

        var path = Path.GetFullPath(settings.Output ?? $"outline-{outline.Document.Id}.{format}");
        if (settings.RefusalFor(path) is { } refusal)
        {
            return output.Fail(refusal);
        }

        if (format == "md")
        {
            await File.WriteAllTextAsync(path, OutlineMarkdownWriter.Write(outline), cancellationToken);
        }
        else
        {
            await OutlineDocxWriter.WriteAsync(outline, path, cancellationToken);
        }

        output.Status($"Đã ghi dàn ý {outline.Parts.Count} phần, {outline.KeyPoints.Count()} ý chính, {outline.Questions.Count} câu hỏi thảo luận, {outline.Quiz.Count} câu kiểm tra vào {path}.");
        return 0;
    }
}
