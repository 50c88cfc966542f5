using Microsoft.Extensions.Options;

namespace PartyAssistant.Ingestion;

/// <summary>Refuses unusable OCR settings at start, one Vietnamese sentence per key.</summary>
public sealed class OcrOptionsValidator : IValidateOptions<OcrOptions>
{
    public ValidateOptionsResult Validate(string? name, OcrOptions options)
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

        Require(!string.IsNullOrWhiteSpace(options.TesseractPath), "Ocr:TesseractPath không được để trống (mặc định: tesseract).");
        Require(!string.IsNullOrWhiteSpace(options.PdftoppmPath), "Ocr:PdftoppmPath không được để trống (mặc định: pdftoppm).");
        Require(!string.IsNullOrWhiteSpace(options.Language) && options.Language.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '_'),
            $"Ocr:Language \"{options.Language}\" phải là tên mô hình ngôn ngữ của Tesseract, ví dụ vie.");
        Require(options.RenderDpi is >= 100 and <= 600, "Ocr:RenderDpi phải từ 100 đến 600.");
        Require(options.PageTimeoutSeconds >= 1, "Ocr:PageTimeoutSeconds phải từ 1 giây trở lên.");
        Require(options.MaxPages >= 1, "Ocr:MaxPages phải từ 1 trở lên.");
        Require(options.LowConfidence is >= 0 and <= 100, "Ocr:LowConfidence phải từ 0 đến 100.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
