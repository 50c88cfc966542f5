namespace PartyAssistant.Office;

/// <summary>The web door and the office page (section "Web").</summary>
public sealed class WebOptions
{
    public const string SectionName = "Web";

    public const int MinAdminTokenLength = 16;

    /// <summary>The office page's token; /admin answers 404 while it is unset. Set it from a secret (Web__AdminToken), never in a committed file.</summary>
    public string? AdminToken { get; set; }

    /// <summary>Days a logged question is kept for the office's reports; older ones are deleted.</summary>
    public int QuestionRetentionDays { get; set; } = 180;

    /// <summary>The largest body an /api request may send (413 past it).</summary>
    public long MaxBodyBytes { get; set; } = 32 * 1024;

    /// <summary>Requests one client (by address) may make to /api in a minute (429 past it).</summary>
    public int RequestsPerMinute { get; set; } = 60;

    public bool AdminEnabled => !string.IsNullOrEmpty(this.AdminToken);

    /// <summary>The Vietnamese reasons the settings cannot be used; empty when they can.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (this.AdminToken is { Length: > 0 and < MinAdminTokenLength })
        {
            problems.Add($"Web:AdminToken phải dài ít nhất {MinAdminTokenLength} ký tự (hoặc để trống để đóng trang quản trị).");
        }

        if (this.QuestionRetentionDays is < 1 or > 3650)
        {
            problems.Add("Web:QuestionRetentionDays phải từ 1 đến 3650 ngày.");
        }

        if (this.MaxBodyBytes is < 1024 or > 1024 * 1024)
        {
            problems.Add("Web:MaxBodyBytes phải từ 1024 đến 1048576 byte.");
        }

        if (this.RequestsPerMinute is < 1 or > 100_000)
        {
            problems.Add("Web:RequestsPerMinute phải từ 1 đến 100000.");
        }

        return problems;
    }
}
