using System.Text.Json;
using PartyAssistant.Tests.Cli;

namespace PartyAssistant.Tests.Obligations;

public sealed class NghiaVuCommandTests : IDisposable
{
    private readonly TempDirectory temp = new();

    private string Data => Path.Combine(this.temp.Path, "data");

    public void Dispose() => this.temp.Dispose();

    [Fact]
    public async Task Json_gives_the_role_and_cited_items()
    {
        var result = await CliRunner.RunAsync(TestPaths.Corpus, this.Data, "nghia-vu", "ban to chuc tinh uy", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("ban-to-chuc-tinh-uy", json.RootElement.GetProperty("role").GetString());
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(3, items.Count);
        Assert.All(items, i =>
        {
            Assert.Equal("kl-tu-nq03/III.5", i.GetProperty("passage_id").GetString());
            Assert.False(string.IsNullOrEmpty(i.GetProperty("text").GetString()));
            Assert.False(string.IsNullOrEmpty(i.GetProperty("quote").GetString()));
            Assert.Contains("Mục III, điểm 5", i.GetProperty("label").GetString(), StringComparison.Ordinal);
        });
        Assert.Contains(items, i => i.GetProperty("when").GetString()?.Contains("cuối năm 2022", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Json_gives_the_narrower_roles_duties_cited_under_each_role()
    {
        var result = await CliRunner.RunAsync(TestPaths.Corpus, this.Data, "nghia-vu", "dang vien", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var working = json.RootElement.GetProperty("narrower").EnumerateArray().Single(n => n.GetProperty("role").GetString() == "dang-vien-dang-cong-tac");
        var duties = working.GetProperty("duties").EnumerateArray().ToList();
        Assert.Equal(working.GetProperty("items").GetInt32(), duties.Count);
        Assert.True(duties.Count >= 5);
        Assert.All(duties, d =>
        {
            Assert.Matches("^(qd-213|hd-33-btctw)/", d.GetProperty("passage_id").GetString());
            Assert.False(string.IsNullOrEmpty(d.GetProperty("label").GetString()));
            Assert.False(string.IsNullOrEmpty(d.GetProperty("quote").GetString()));
        });
    }

    [Fact]
    public async Task A_known_role_without_duties_is_said_plainly_and_an_unknown_role_is_refused()
    {
        var none = await CliRunner.RunAsync(TestPaths.Corpus, this.Data, "nghia-vu", "ban tuyên giáo tỉnh ủy", "--json");
        Assert.Equal(0, none.ExitCode);
        using var json = JsonDocument.Parse(none.Output);
        Assert.Empty(json.RootElement.GetProperty("items").EnumerateArray());
        Assert.Contains("không quy định nghĩa vụ riêng cho Ban Tuyên giáo Tỉnh uỷ", json.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);

        var unknown = await CliRunner.RunAsync(TestPaths.Corpus, this.Data, "nghia-vu", "giám đốc sở");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("Không nhận ra vai trò \"giám đốc sở\"", unknown.Diagnostics, StringComparison.Ordinal);
        Assert.Contains("Bí thư chi bộ (bi-thu-chi-bo)", unknown.Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_role_asked_for_as_json_gets_a_json_error()
    {
        var result = await CliRunner.RunAsync(TestPaths.Corpus, this.Data, "nghia-vu", "xyz", "--json");

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.StartsWith("Không nhận ra vai trò \"xyz\"", json.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_nearest_role_is_named_when_the_asked_role_has_none_of_its_own()
    {
        var text = await CliRunner.RunAsync(TestPaths.Corpus, this.Data, "nghia-vu", "doan thanh nien");
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("Không có vai trò riêng cho \"doan thanh nien\"; dùng Mặt trận Tổ quốc và các đoàn thể.", text.Console, StringComparison.Ordinal);
        Assert.Contains("kl-tu-nq03/III.3", text.Console, StringComparison.Ordinal);

        var json = await CliRunner.RunAsync(TestPaths.Corpus, this.Data, "nghia-vu", "phó bí thư chi bộ", "--json");
        using var parsed = JsonDocument.Parse(json.Output);
        Assert.Equal("bi-thu-chi-bo", parsed.RootElement.GetProperty("role").GetString());
        Assert.Equal("Không có vai trò riêng cho \"phó bí thư chi bộ\"; dùng Bí thư chi bộ.", parsed.RootElement.GetProperty("nearest_role_note").GetString());
    }

    [Fact]
    public async Task Without_a_role_it_lists_the_roles_with_their_counts()
    {
        var result = await CliRunner.RunAsync(TestPaths.Corpus, this.Data, "nghia-vu");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Ban Tổ chức Tỉnh uỷ (ban-to-chuc-tinh-uy): 3 mục", result.Console, StringComparison.Ordinal);
        Assert.Contains("Đảng viên (dang-vien): 0 mục", result.Console, StringComparison.Ordinal);
    }
}
