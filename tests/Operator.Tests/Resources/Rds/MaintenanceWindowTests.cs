using Ebops.Operator.Resources.Rds;

namespace Ebops.Operator.Tests.Resources.Rds;

public sealed class MaintenanceWindowTests
{
    // 2026-03-02 is a Monday.
    private static DateTimeOffset At(int day, int hour, int minute) => new(2026, 3, day, hour, minute, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("mon:09:00-mon:09:30", 2, 9, 0, true)]
    [InlineData("mon:09:00-mon:09:30", 2, 9, 29, true)]
    [InlineData("mon:09:00-mon:09:30", 2, 9, 30, false)]
    [InlineData("mon:09:00-mon:09:30", 2, 8, 59, false)]
    [InlineData("sat:23:30-sun:00:30", 7, 23, 45, true)]
    [InlineData("sat:23:30-sun:00:30", 8, 0, 15, true)]
    [InlineData("sat:23:30-sun:00:30", 8, 0, 30, false)]
    [InlineData("SUN:18:00-SUN:18:30", 8, 18, 10, true)]
    public void Contains_reads_the_window_in_utc_including_week_wraps(string window, int day, int hour, int minute, bool inside) =>
        Assert.Equal(inside, MaintenanceWindow.TryParse(window)!.Contains(At(day, hour, minute)));

    [Theory]
    [InlineData("mon:09:00-mon:09:30", 2, 8, 0, 60)]
    [InlineData("mon:09:00-mon:09:30", 2, 9, 10, 0)]
    [InlineData("mon:09:00-mon:09:30", 2, 10, 0, 7 * 24 * 60 - 60)]
    [InlineData("sun:01:00-sun:02:00", 7, 23, 0, 120)]
    public void UntilOpen_is_the_time_to_the_next_start(string window, int day, int hour, int minute, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), MaintenanceWindow.TryParse(window)!.UntilOpen(At(day, hour, minute)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("mon:09:00")]
    [InlineData("mon:9:00-mon:09:30")]
    [InlineData("xyz:09:00-mon:09:30")]
    [InlineData("mon:24:00-tue:00:30")]
    [InlineData("mon:09:00-mon:09:00")]
    public void Malformed_windows_are_null(string? text) => Assert.Null(MaintenanceWindow.TryParse(text));

    [Fact]
    public void ToString_round_trips_the_rds_format() =>
        Assert.Equal("sat:23:30-sun:00:30", MaintenanceWindow.TryParse("Sat:23:30-Sun:00:30")!.ToString());
}
