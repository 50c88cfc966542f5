using System.ComponentModel;
using System.Diagnostics;

namespace PartyAssistant.Ingestion;

/// <summary>
/// Runs one OCR program (pdftoppm or tesseract) as a process with a time limit, and turns what can
/// go wrong (not installed, no Vietnamese model, too slow, failed) into a message naming the
/// setting and the Debian package that fixes it.
/// </summary>
internal static class OcrTool
{
    public const string Packages = "poppler-utils tesseract-ocr tesseract-ocr-vie";

    /// <summary>Runs <paramref name="program"/> and returns what it wrote to standard output.</summary>
    /// <param name="setting">The key that names the program ("Ocr:TesseractPath"), for the messages.</param>
    public static async Task<string> RunAsync(string file, string program, string setting, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Tesseract's OpenMP threads fight over a small machine and gain nothing on one page.
        start.Environment["OMP_THREAD_LIMIT"] = "1";
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception();
        }
        catch (Win32Exception e)
        {
            throw new IngestException(file,
                $"chưa cài công cụ nhận dạng chữ (OCR) \"{program}\" ({setting}); cài các gói Debian: sudo apt-get install {Packages}. Chưa ghi gì vào corpus.", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            try
            {
                await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                cancellationToken.ThrowIfCancellationRequested();
                throw new IngestException(file, $"nhận dạng chữ một trang quá {timeout.TotalSeconds:0} giây (Ocr:PageTimeoutSeconds); ảnh quá lớn hoặc máy đang bận.");
            }

            var problem = await error.ConfigureAwait(false);
            if (problem.Contains("Failed loading language", StringComparison.OrdinalIgnoreCase) || problem.Contains("Error opening data file", StringComparison.OrdinalIgnoreCase))
            {
                throw new IngestException(file, $"Tesseract chưa có mô hình ngôn ngữ của Ocr:Language; với tiếng Việt, cài gói Debian tesseract-ocr-vie. Chưa ghi gì vào corpus.");
            }

            if (process.ExitCode != 0)
            {
                throw new IngestException(file, $"{Path.GetFileName(program)} không đọc được ảnh (mã {process.ExitCode}): {FirstLine(problem)}");
            }

            return await output.ConfigureAwait(false);
        }
    }

    private static string FirstLine(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? string.Empty;
}
