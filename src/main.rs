//! The study page's entry point (what `trunk serve` runs).

fn main() {
    quiz_widget::mount_all();
}
