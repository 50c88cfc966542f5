using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;
using PartyAssistant.Office;

namespace PartyAssistant.Tests.Web;

/// <summary>One Chromium (Debian's, by its path: nothing is downloaded) and one `serve` host for the browser tests.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? playwright;

    internal WebTestHost Host { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where the screenshots go: the test output folder.</summary>
    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"Chromium is expected at {ChromiumPath} (apt-get install -y chromium; .ci/run installs it).");
        Directory.CreateDirectory(Screenshots);
        this.Host = await WebTestHost.StartAsync();
        this.playwright = await Playwright.CreateAsync();
        this.Browser = await this.playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
    }

    public async Task DisposeAsync()
    {
        if (this.Browser is not null)
        {
            await this.Browser.DisposeAsync();
        }

        this.playwright?.Dispose();
        await this.Host.DisposeAsync();
    }

    public async Task<IPage> OpenAsync(int width, string path = "/", bool acceptDownloads = false)
    {
        var context = await this.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            Locale = "vi-VN",
            AcceptDownloads = acceptDownloads,
            BaseURL = this.Host.Address.ToString(),
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        return page;
    }
}

/// <summary>The web page and the office page in a real browser, as a trainer and the office use them.</summary>
public sealed class BrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Question = "den nam 2025 ty le bi thu chi bo dong thoi la truong ap khom khong qua 40 tuoi phai dat bao nhieu";

    [Fact]
    public async Task A_question_without_diacritics_gets_a_cited_answer_whose_citation_opens_then_a_thumbs_down_and_a_follow_up()
    {
        var page = await fixture.OpenAsync(1280);

        // Keyboard alone: type in the box labelled "Câu hỏi" and press Enter.
        await page.GetByLabel("Câu hỏi", new() { Exact = true }).FillAsync(Question);
        await page.GetByLabel("Câu hỏi", new() { Exact = true }).PressAsync("Enter");
        var turn = page.Locator("#conversation article").First;
        await Assertions.Expect(turn).ToContainTextAsync("50%");

        var citation = turn.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Trích dẫn 1:") }).First;
        await citation.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog.Locator("#passage-text")).ToContainTextAsync("40 tuổi");
        await Assertions.Expect(dialog.Locator("#passage-standing")).ToContainTextAsync("Tình trạng:");
        await Assertions.Expect(dialog.Locator("#passage-previous")).Not.ToBeEmptyAsync();
        await Assertions.Expect(dialog.Locator("#passage-summary")).ToBeHiddenAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Screenshots, "citation-1280.png") });
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(citation).ToBeFocusedAsync();

        await turn.GetByRole(AriaRole.Button, new() { Name = "Câu trả lời chưa đúng hoặc chưa hữu ích" }).ClickAsync();
        await Assertions.Expect(turn.GetByRole(AriaRole.Status)).ToHaveTextAsync("Cảm ơn đồng chí đã góp ý.");

        await page.GetByLabel("Câu hỏi", new() { Exact = true }).FillAsync("con den nam 2030 thi sao?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Hỏi", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#conversation article")).ToHaveCountAsync(2);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Screenshots, "answer-1280.png"), FullPage = true });

        // Both questions went to the server in one conversation: logged under one user, the follow-up searched with the topic.
        var logged = await ((OfficeReport)fixture.Host.App.Services.GetService(typeof(OfficeReport))!).QuestionsAsync(CancellationToken.None);
        var first = logged.Single(q => q.Question == Question);
        var followUp = logged.Single(q => q.Question == "con den nam 2030 thi sao?");
        Assert.Equal(first.UserHash, followUp.UserHash);
        Assert.Contains(logged, q => q.Question == Question && q.Outcome == "answer");
    }

    [Fact]
    public async Task A_question_the_documents_only_touch_on_shows_the_closest_passages_to_read_not_an_answer()
    {
        var page = await fixture.OpenAsync(1280);
        await page.GetByLabel("Câu hỏi", new() { Exact = true }).FillAsync("Ty le dang vien tre duoi 30 tuoi phai dat bao nhieu?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Hỏi", Exact = true }).ClickAsync();

        var turn = page.Locator("#conversation article").First;
        await Assertions.Expect(turn).ToContainTextAsync("chỉ để tham khảo, không phải câu trả lời");
        await turn.Locator("ul.sources button").First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#passage-text")).Not.ToBeEmptyAsync();
    }

    [Fact]
    public async Task At_360_pixels_the_page_fits_and_a_document_is_read_by_its_structure()
    {
        var page = await fixture.OpenAsync(360);
        await Assertions.Expect(page.Locator("#documents-status")).ToContainTextAsync("văn bản");

        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Đọc ") }).First.ClickAsync();
        var reader = page.Locator("#document-reader");
        await Assertions.Expect(reader).ToBeVisibleAsync();
        await Assertions.Expect(reader.Locator("section").First).Not.ToBeEmptyAsync();
        await Assertions.Expect(page.Locator("#reader-title")).ToBeFocusedAsync();

        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways at 360 px");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Screenshots, "page-360.png"), FullPage = true });
        Assert.True(new FileInfo(Path.Combine(BrowserFixture.Screenshots, "page-360.png")).Length > 0);
    }

    [Fact]
    public async Task A_trainer_downloads_an_outline_that_opens_as_a_word_document()
    {
        var page = await fixture.OpenAsync(1280, acceptDownloads: true);
        await Assertions.Expect(page.Locator("#trainer-document option")).Not.ToHaveCountAsync(0);
        await page.GetByLabel("Văn bản để soạn tài liệu").SelectOptionAsync("kl-tu-nq03");
        await page.GetByLabel("Thời lượng buổi sinh hoạt (phút)").FillAsync("60");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Tải dàn ý buổi sinh hoạt (.docx)" }).ClickAsync());
        Assert.Equal("outline-kl-tu-nq03.docx", download.SuggestedFilename);
        var path = Path.Combine(fixture.Host.DataDirectory, download.SuggestedFilename);
        await download.SaveAsAsync(path);

        using var word = WordprocessingDocument.Open(path, false);
        var text = word.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("60 phút", text, StringComparison.Ordinal);
        Assert.Contains("Dàn ý buổi sinh hoạt", text, StringComparison.Ordinal);
        Assert.Contains("03-NQ/TU", text, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#trainer-status")).ToContainTextAsync("Đã tải outline-kl-tu-nq03.docx");
    }

    [Fact]
    public async Task The_office_page_is_refused_without_the_token_and_shows_the_gap_report_with_it()
    {
        using (var gap = await fixture.Host.Http.PostAsJsonAsync("/api/ask", new { question = "Quy định về nuôi cá cảnh trong khuôn viên trụ sở đảng uỷ?" }))
        {
            gap.EnsureSuccessStatusCode();
        }

        var page = await fixture.OpenAsync(1280, "/admin");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Đăng nhập" })).ToBeVisibleAsync();
        var refused = await page.ReloadAsync();
        Assert.Equal(401, refused!.Status);

        await page.GetByLabel("Mã quản trị").FillAsync("not-the-token-at-all");
        await page.GetByLabel("Mã quản trị").PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Mã quản trị không đúng.");

        await page.GetByLabel("Mã quản trị").FillAsync(WebTestHost.AdminToken);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Văn bản chưa trả lời được") })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#gaps tbody")).ToContainTextAsync("Quy định về nuôi cá cảnh trong khuôn viên trụ sở đảng uỷ?");
        await Assertions.Expect(page.Locator("#activity tbody")).ToContainTextAsync("web");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Screenshots, "admin-1280.png"), FullPage = true });

        await page.SetViewportSizeAsync(360, 800);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Screenshots, "admin-360.png"), FullPage = true });
    }
}
