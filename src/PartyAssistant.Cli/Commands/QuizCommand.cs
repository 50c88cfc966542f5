using System.ComponentModel;
using PartyAssistant.Cli.Infrastructure;
using PartyAssistant.Quizzes;
using PartyAssistant.Training;
using PartyAssistant.Text;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PartyAssistant.Cli.Commands;

/// <summary>Quiz questions for trainers from one document, with answers and citations: Markdown, JSON or a Word handout.</summary>
public sealed class QuizCommand(TrainerMaterials materials, CliOutput output) : AsyncCommand<QuizCommand.Settings>
{
    private static readonly string[] Formats = ["md", "docx", "json"];

    public sealed class Settings : OutputFileSettings
    {
        [CommandOption("--doc <mã>")]
        [Description("Mã văn bản, ví dụ kl-tu-nq03 (xem lệnh docs).")]
        public string? Document { get; init; }

        [CommandOption("--section <mục>")]
        [Description("Chỉ ra đề trong một mục: II, II.3 (kl-tu-nq03), dieu-2 (văn bản đã nạp).")]
        public string? Section { get; init; }

        [CommandOption("-n|--count <số>")]
        [Description("Số câu hỏi, từ 1 đến 100 (viết --n cũng được). Mặc định 10.")]
        [DefaultValue(QuizRequest.DefaultCount)]
        public int Count { get; init; } = QuizRequest.DefaultCount;

        [CommandOption("--format <định-dạng>")]
        [Description("md (mặc định, in ra màn hình), json (in ra màn hình) hoặc docx (ghi tệp Word).")]
        [DefaultValue("md")]
        public string Format { get; init; } = "md";

        public override ValidationResult Validate()
        {
            if (!Formats.Contains(this.Format.Trim().ToLowerInvariant()))
            {
                return ValidationResult.Error($"Định dạng \"{this.Format}\" không hỗ trợ; dùng md, json hoặc docx.");
            }

            if (InputValidator.QuizCount(this.Count) is { } problem)
            {
                return ValidationResult.Error(problem);
            }

            return string.IsNullOrWhiteSpace(this.Document)
                ? ValidationResult.Error("Cần --doc <mã văn bản>, ví dụ --doc kl-tu-nq03 (xem các mã bằng lệnh docs).")
                : ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var format = settings.Format.Trim().ToLowerInvariant();
        Quiz quiz;
        try
        {
            quiz = await materials.QuizAsync(new QuizRequest(settings.Document!, settings.Section, settings.Count), cancellationToken);
        }
        catch (QuizRequestException e)
        {
            return output.Fail(e.Message);
        }

        foreach (var notice in quiz.Notices)
        {
            output.Status($"Lưu ý: {notice}");
        }

        if (quiz.IsShort)
        {
            output.Status($"Chỉ tạo được {quiz.Items.Count}/{quiz.Requested} câu hỏi: văn bản (hoặc mục) không còn câu nào nêu số liệu, thời hạn, chủ thể hay thuật ngữ để hỏi mà không trùng câu đã hỏi.");
        }

        // A trainer's edited handout is not replaced by accident: the outline command refuses the same way.
        var target = format switch
        {
            "docx" => Path.GetFullPath(settings.Output ?? $"quiz-{quiz.DocumentId}.docx"),
            "json" => null,
            _ => settings.Output is { } given ? Path.GetFullPath(given) : null,
        };
        if (target is not null && settings.RefusalFor(target) is { } refusal)
        {
            return output.Fail(refusal);
        }

        switch (format)
        {
            case "json":
                output.Json(quiz.Items.Select(QuizItemView.From));
                break;
            case "docx":
                await QuizDocxWriter.WriteAsync(quiz, target!, cancellationToken);
                output.Status($"Đã ghi {quiz.Items.Count} câu hỏi vào {target}");
                break;
            default:
                if (target is not null)
                {
                    await File.WriteAllTextAsync(target, QuizText.Markdown(quiz), cancellationToken);
                    output.Status($"Đã ghi {quiz.Items.Count} câu hỏi vào {target}");
                }
                else
                {
                    output.Text(QuizText.Markdown(quiz));
                }

                break;
        }

        return 0;
    }
}
