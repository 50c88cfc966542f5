using System.Runtime.InteropServices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using PartyAssistant.Cli.Commands;
using PartyAssistant.Cli.Infrastructure;
using PartyAssistant.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PartyAssistant.Cli;

/// <summary>
/// Composes configuration, services and commands. Configuration precedence, lowest first:
/// appsettings.json in the working directory, user secrets, environment variables (Storage__DataDirectory), overrides.
/// </summary>
public static class CliApplication
{
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, TextReader input, TextWriter output, TextWriter diagnostics, IDictionary<string, string?>? configurationOverrides)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddUserSecrets(typeof(CliApplication).Assembly, optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(configurationOverrides ?? new Dictionary<string, string?>())
            .Build();

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddConfiguration(configuration.GetSection("Logging"))
            .AddSimpleConsole(o => o.SingleLine = true));

        // Logs go to stderr with the other diagnostics, so `--json` on stdout stays parseable.
        services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        services.AddPartyAssistantAnswering(configuration);
        services.AddPartyAssistantTelegram(configuration);
        services.AddPartyAssistantZalo(configuration);
        services.AddPartyAssistantIngestion(configuration);
        services.AddPartyAssistantQuizzes();
        services.AddPartyAssistantOutlines();
        services.AddSingleton(console);
        services.AddSingleton(new CliOutput(console, input, output, diagnostics));
        services.AddSingleton<IndexOpener>();

        var app = new CommandApp(new TypeRegistrar(services));
        var commands = new List<string>();
        var errors = new CliErrors(ParserMessages.Shipped, commands);
        app.Configure(config =>
        {
            config.SetApplicationName("partyassistant");
            config.Settings.Console = console;

            // Defaults are said in each option's Vietnamese description; the library's column would be headed "DEFAULT".
            config.Settings.ShowOptionDefaultValues = false;
            config.SetHelpProvider(new VietnameseHelpProvider(config.Settings, console));
            config.SetInterceptor(new CommandPreconditions(configuration));
            ICommandConfigurator Add<TCommand>(string name)
                where TCommand : class, ICommand
            {
                commands.Add(name);
                return config.AddCommand<TCommand>(name);
            }

            Add<AskCommand>("ask").WithDescription("Hỏi và nhận câu trả lời có trích dẫn văn bản.")
                .WithExample("ask", "\"Đến năm 2025 tỷ lệ bí thư chi bộ đồng thời là trưởng ấp không quá 40 tuổi phải đạt bao nhiêu?\"");
            Add<ChatCommand>("chat").WithDescription("Trò chuyện nhiều lượt trong cửa sổ dòng lệnh (hỏi tiếp được).");
            Add<TelegramCommand>("telegram").WithDescription("Chạy bot Telegram (long polling; token từ TELEGRAM_BOT_TOKEN).");
            Add<ZaloBotCommand>("zalo-bot").WithDescription("Chạy bot Zalo Bot Platform (long polling; token từ Zalo__Bot__Token).");
            Add<ServeCommand>("serve").WithDescription("Chạy máy chủ web: trang hỏi đáp, API, trang quản trị và webhook của các bot (--urls http://127.0.0.1:8080).");
            Add<IndexCommand>("index").WithDescription("Cập nhật chỉ mục tìm kiếm theo thư mục corpus: chỉ viết lại văn bản đã thay đổi (--rebuild: dựng lại toàn bộ).");
            Add<SearchCommand>("search").WithDescription("Tìm các đoạn văn bản liên quan tới câu hỏi.")
                .WithExample("search", "\"chi bộ ấp có đông đảng viên thì tổ chức sinh hoạt thế nào?\"");
            Add<IngestCommand>("ingest").WithDescription("Nạp toàn văn chính thức (.docx, .pdf, .html, .txt, .md) vào corpus và dựng lại chỉ mục.")
                .WithExample("ingest", "qd-213.pdf", "--summary-of", "qd-213");
            Add<DocsCommand>("docs").WithDescription("Liệt kê các văn bản trong corpus và tình trạng hiệu lực.");
            Add<ShowCommand>("show").WithDescription("Xem một đoạn văn bản theo mã, cùng ngữ cảnh.")
                .WithExample("show", "kl-tu-nq03/II.3.4");
            Add<NghiaVuCommand>("nghia-vu").WithDescription("Nghĩa vụ của một vai trò theo các văn bản, dạng danh sách kiểm có trích dẫn.")
                .WithExample("nghia-vu", "\"bí thư chi bộ\"");
            Add<QuizCommand>("quiz").WithDescription("Soạn câu hỏi ôn tập từ một văn bản (điền chỗ trống, đúng/sai, trắc nghiệm), có đáp án và trích dẫn.")
                .WithExample("quiz", "--doc", "kl-tu-nq03", "--n", "20", "--format", "docx");
            Add<OutlineCommand>("outline").WithDescription("Lập dàn ý buổi sinh hoạt, tập huấn từ một văn bản (tệp Word hoặc Markdown).")
                .WithExample("outline", "--doc", "kl-tu-nq03", "--minutes", "45");
            Add<EvalCommand>("eval").WithDescription("Đo chất lượng tìm kiếm trên một tệp câu hỏi (.jsonl).");
            config.SetExceptionHandler((exception, _) =>
            {
                var (message, exitCode) = errors.Describe(exception, args.FirstOrDefault());
                diagnostics.WriteLine($"Lỗi: {message}");
                return exitCode;
            });
        });

        using var cancellation = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        Console.CancelKeyPress += onCancel;

        // systemd and `docker stop` send SIGTERM, not Ctrl+C: both end a command the same way, through its token.
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            cancellation.Cancel();
        });
        try
        {
            return await app.RunAsync(ArgumentAliases.Apply(args), cancellation.Token);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
