using System.ComponentModel;
using Spectre.Console.Cli;

namespace PartyAssistant.Cli.Infrastructure;

/// <summary>Settings of commands that write a file a trainer may have edited since: where, and whether it may be replaced.</summary>
public class OutputFileSettings : CommandSettings
{
    [CommandOption("-o|--output <tệp>")]
    [Description("Tệp kết quả. Mặc định với docx: <lệnh>-<mã văn bản>.docx trong thư mục hiện tại; md (và json) in ra màn hình.")]
    public string? Output { get; init; }

    [CommandOption("--overwrite")]
    [Description("Ghi đè tệp kết quả nếu đã có.")]
    public bool Overwrite { get; init; }

    /// <summary>The message refusing to replace an existing file, or null when writing is fine.</summary>
    public string? RefusalFor(string path) => File.Exists(path) && !this.Overwrite
        ? $"tệp \"{path}\" đã có. Thêm --overwrite để ghi đè, hoặc chọn tên khác bằng --output."
        : null;
}
