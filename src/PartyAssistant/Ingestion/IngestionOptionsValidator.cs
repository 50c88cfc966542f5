using Microsoft.Extensions.Options;

namespace PartyAssistant.Ingestion;

/// <summary>Refuses unusable ingestion limits at start, one Vietnamese sentence per key, so a typo never disables a check.</summary>
public sealed class IngestionOptionsValidator : IValidateOptions<IngestionOptions>
{
    public ValidateOptionsResult Validate(string? name, IngestionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        void Require(bool valid, string message)
        {
            if (!valid)
            {
                problems.Add(message);
            }
        }

        Require(options.MaxUnpackedBytes >= 1024 * 1024, "Ingestion:MaxUnpackedBytes phải từ 1048576 (1 MB) trở lên.");
        Require(options.MaxZipEntries >= 3, "Ingestion:MaxZipEntries phải từ 3 trở lên (một tệp .docx có ít nhất ba thành phần).");
        Require(options.MaxCompressionRatio >= 2, "Ingestion:MaxCompressionRatio phải từ 2 trở lên.");
        Require(options.MaxNestingDepth is >= 16 and <= IngestionOptions.HighestNestingDepth,
            $"Ingestion:MaxNestingDepth phải từ 16 đến {IngestionOptions.HighestNestingDepth}.");
        Require(options.MaxParagraphChars >= 1_000, "Ingestion:MaxParagraphChars phải từ 1000 trở lên.");
        Require(options.TimeBudgetSeconds >= 1, "Ingestion:TimeBudgetSeconds phải từ 1 giây trở lên.");
        Require(options.LockWaitSeconds >= 0, "Ingestion:LockWaitSeconds không được âm (0: không chờ).");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
