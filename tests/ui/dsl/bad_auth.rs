//! `#[auth(…)]` lists known credentials, each once, or `none` alone.
hubspot_runtime::hubspot_endpoint! {
    #[auth(oauth, hapikey)]
    pub endpoint Unknown: GET { v3 => "/a" } {} -> 200 ();

    #[auth(none, developer_key)]
    pub endpoint NoneAndMore: GET { v3 => "/b" } {} -> 200 ();

    #[auth(private_app, oauth, private_app)]
    pub endpoint Twice: GET { v3 => "/c" } {} -> 200 ();

    #[auth()]
    pub endpoint Empty: GET { v3 => "/d" } {} -> 200 ();
}

fn main() {}
