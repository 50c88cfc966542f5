using System.Reflection;
using System.Text.Json;
using PartyAssistant.Answering;
using PartyAssistant.Conversations;
using PartyAssistant.Corpus;
using PartyAssistant.Search;
using PartyAssistant.Storage;

namespace PartyAssistant.Tests;

public sealed class SettingsDocumentationTests
{
    public static TheoryData<Type, string> OptionClasses => new()
    {
        { typeof(StorageOptions), StorageOptions.SectionName },
        { typeof(CorpusOptions), CorpusOptions.SectionName },
        { typeof(PartyAssistant.Ingestion.IngestionOptions), PartyAssistant.Ingestion.IngestionOptions.SectionName },
        { typeof(PartyAssistant.Ingestion.OcrOptions), PartyAssistant.Ingestion.OcrOptions.SectionName },
        { typeof(SearchOptions), SearchOptions.SectionName },
        { typeof(AnsweringOptions), AnsweringOptions.SectionName },
        { typeof(ModelOptions), ModelOptions.SectionName },
        { typeof(ConversationOptions), ConversationOptions.SectionName },
        { typeof(PartyAssistant.Hosting.HostingOptions), PartyAssistant.Hosting.HostingOptions.SectionName },
        { typeof(PartyAssistant.Channels.DeliveryOptions), PartyAssistant.Channels.DeliveryOptions.SectionName },
        { typeof(PartyAssistant.Channels.Telegram.TelegramOptions), PartyAssistant.Channels.Telegram.TelegramOptions.SectionName },
        { typeof(PartyAssistant.Channels.Zalo.ZaloOaOptions), PartyAssistant.Channels.Zalo.ZaloOaOptions.SectionName },
        { typeof(PartyAssistant.Channels.Zalo.ZaloBotOptions), PartyAssistant.Channels.Zalo.ZaloBotOptions.SectionName },
        { typeof(PartyAssistant.Office.WebOptions), PartyAssistant.Office.WebOptions.SectionName },
    };

    [Theory]
    [MemberData(nameof(OptionClasses))]
    public void Every_setting_is_in_the_example_file_with_its_default(Type options, string section)
    {
        using var example = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "appsettings.example.json")),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var documented = example.RootElement;
        foreach (var part in section.Split(':'))
        {
            Assert.True(documented.TryGetProperty(part, out documented), $"section {section} missing");
        }

        var defaults = Activator.CreateInstance(options)!;
        foreach (var property in options.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            Assert.True(documented.TryGetProperty(property.Name, out var value), $"{section}:{property.Name} is not documented");
            var expected = Convert.ToString(property.GetValue(defaults), System.Globalization.CultureInfo.InvariantCulture);
            var actual = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
            Assert.Equal(double.TryParse(expected, System.Globalization.CultureInfo.InvariantCulture, out var e) ? e.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : expected,
                double.TryParse(actual, System.Globalization.CultureInfo.InvariantCulture, out var a) ? a.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : actual);
        }
    }
}
