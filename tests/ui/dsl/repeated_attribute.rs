//! An attribute given twice is one error, at the second one's name.
hubspot_runtime::hubspot_endpoint! {
    #[paginated]
    #[paginated]
    pub endpoint ListThings: GET { v3 => "/things" } {
        query { after: Option<String> }
    } -> 200 ThingPage;

    #[page]
    pub object ThingPage {
        required { results: Vec<String> }
        optional { paging: Paging }
    }
    pub object Paging { optional { next: Next } }
    pub object Next { required { after: String } }
}

fn main() {}
